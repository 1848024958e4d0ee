package org.wushe.residents.verification;

import org.wushe.platform.ResourceNotFoundException;

/** No such verification task, or one outside the caller's scope (the two look the same). */
class TaskNotFoundException extends ResourceNotFoundException {

    public TaskNotFoundException(long id) {
        super("residents.campaign.task.notFound", id);
    }
}
