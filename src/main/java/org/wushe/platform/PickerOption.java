package org.wushe.platform;

/**
 * One choice of the search-as-you-type picker ({@code templates/fragments/picker.html}): the id the form submits,
 * the label shown in the field once chosen, and an optional muted detail (e.g. the region) to tell namesakes
 * apart. Nothing masked belongs in it: a picker lists names, never phones or ID numbers.
 */
public record PickerOption(long id, String label, String detail) {}
