package org.wushe.region;

/** 封控区 / 管控区 / 防范区 of the 2022 response; NONE lifts a level set earlier. */
public enum ControlLevel {
    LOCKDOWN,
    CONTROL,
    PREVENTION,
    NONE
}
