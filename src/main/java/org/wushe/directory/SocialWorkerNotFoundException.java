package org.wushe.directory;

import org.wushe.platform.ResourceNotFoundException;

/** No such social worker, or one outside the caller's scope (the two look the same). */
public class SocialWorkerNotFoundException extends ResourceNotFoundException {

    public SocialWorkerNotFoundException(long id) {
        super("directory.socialWorker.notFound", id);
    }
}
