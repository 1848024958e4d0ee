package org.wushe.directory.socialworkers;

import org.springframework.modulith.NamedInterface;
import org.wushe.platform.ResourceNotFoundException;

/** No such social worker, or one outside the caller's scope (the two look the same). */
@NamedInterface("socialworkers")
public class SocialWorkerNotFoundException extends ResourceNotFoundException {

    public SocialWorkerNotFoundException(long id) {
        super("directory.socialWorker.notFound", id);
    }
}
