package org.wushe.notify.outbox;

import org.wushe.platform.ResourceNotFoundException;

/** No outbox message of that id (404). */
class OutboxMessageNotFoundException extends ResourceNotFoundException {

    OutboxMessageNotFoundException(long id) {
        super("notify.outbox.notFound", id);
    }
}
