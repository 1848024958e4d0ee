package org.wushe.requests;

/** How a request came in: the public page, or staff recording a call, a message in a community group, a visit. */
public enum Channel {
    ONLINE,
    HOTLINE,
    ONLINE_GROUP,
    WALK_IN,
    HOTLINE_12345
}
