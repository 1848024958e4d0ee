package org.wushe.requests;

public enum ForWhom {
    SELF,
    FAMILY
}
