package org.wushe.directory;

/** A part of the day a volunteer can serve in (morning / afternoon / evening). */
public enum TimeSlot {
    MORNING,
    AFTERNOON,
    EVENING
}
