package org.wushe.residents.verification;

/**
 * A new campaign as entered: its name, who sent the list down, the region it covers and its deadline
 * ({@code yyyy-MM-dd}); all as text so that every bad field can be reported.
 */
public record CampaignDraft(String name, String source, String regionCode, String deadline) {}
