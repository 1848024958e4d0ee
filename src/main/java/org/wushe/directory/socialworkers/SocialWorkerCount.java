package org.wushe.directory.socialworkers;

/** How many social workers (in the caller's scope) belong to a group: an organisation or a region. */
record SocialWorkerCount(String key, String label, long count) {}
