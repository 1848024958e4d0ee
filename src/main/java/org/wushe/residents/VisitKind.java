package org.wushe.residents;

/** 电话询访 / 视频慰问 / 入户走访. */
public enum VisitKind {
    PHONE, VIDEO, HOME
}
