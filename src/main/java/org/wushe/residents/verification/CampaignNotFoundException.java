package org.wushe.residents.verification;

import org.wushe.platform.ResourceNotFoundException;

/** No such campaign, or none the caller may see (the two look the same). */
class CampaignNotFoundException extends ResourceNotFoundException {

    public CampaignNotFoundException(Object id) {
        super("residents.campaign.notFound", id);
    }
}
