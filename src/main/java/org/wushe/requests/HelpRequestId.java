package org.wushe.requests;

public record HelpRequestId(long value) {}
