package org.wushe.residents;

/** 残疾类别 of GB/T 26341-2010. */
public enum DisabilityType {
    VISUAL,
    HEARING,
    SPEECH,
    PHYSICAL,
    INTELLECTUAL,
    MENTAL,
    MULTIPLE
}
