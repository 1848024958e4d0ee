package org.wushe.directory;

/** How many social workers (in the caller's scope) belong to a group: an organisation or a region. */
public record SocialWorkerCount(String key, String label, long count) {
}
