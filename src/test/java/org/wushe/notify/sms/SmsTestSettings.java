package org.wushe.notify.sms;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.wushe.notify.MessageKind;

/** {@link SmsProperties} as the application binds them, from a few {@code wushe.sms.*} entries. */
public final class SmsTestSettings {

    private SmsTestSettings() {}

    public static SmsProperties properties(Map<String, String> entries) {
        return new Binder(new MapConfigurationPropertySource(entries)).bindOrCreate("wushe.sms", SmsProperties.class);
    }

    /** Credentials and a template for every kind of both providers, pointed at {@code endpoint}, plus {@code more}. */
    public static SmsProperties stubbed(String endpoint, Map<String, String> more) {
        Map<String, String> entries = new HashMap<>();
        entries.put("wushe.sms.aliyun.endpoint", endpoint);
        entries.put("wushe.sms.aliyun.access-key-id", "test-ak");
        entries.put("wushe.sms.aliyun.access-key-secret", "test-secret");
        entries.put("wushe.sms.aliyun.sign-name", "五社联动");
        entries.put("wushe.sms.tencent.endpoint", endpoint);
        entries.put("wushe.sms.tencent.secret-id", "test-id");
        entries.put("wushe.sms.tencent.secret-key", "test-key");
        entries.put("wushe.sms.tencent.sdk-app-id", "1400000000");
        entries.put("wushe.sms.tencent.sign-name", "五社联动");
        entries.put("wushe.sms.read-timeout", "5s");
        entries.put("wushe.sms.connect-timeout", "2s");
        int i = 1;
        for (MessageKind kind : MessageKind.values()) {
            entries.put("wushe.sms.aliyun.templates[" + kind.key() + "]", "SMS_" + (1000 + i));
            entries.put("wushe.sms.tencent.templates[" + kind.key() + "]", Integer.toString(2000 + i));
            i++;
        }
        entries.putAll(more);
        return properties(entries);
    }
}
