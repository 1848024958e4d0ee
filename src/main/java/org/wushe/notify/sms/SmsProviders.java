package org.wushe.notify.sms;

import java.util.List;
import java.util.Optional;

/** The providers configured on this node, the sending one first; empty with {@code WUSHE_SMS_PROVIDER=log}. */
public record SmsProviders(List<SmsProvider> all) {

    public SmsProviders {
        all = List.copyOf(all);
    }

    public Optional<SmsProvider> named(String name) {
        return all.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
