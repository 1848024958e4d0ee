package org.wushe.notify.web;

import org.wushe.platform.ResourceNotFoundException;

/** A notification that does not exist or belongs to another account (the same answer: 404). */
class InboxItemNotFoundException extends ResourceNotFoundException {

    InboxItemNotFoundException(long id) {
        super("notify.inbox.notFound", id);
    }
}
