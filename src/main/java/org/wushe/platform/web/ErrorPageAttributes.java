package org.wushe.platform.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/** Adds the request id and the way back to the errors Boot renders itself (unknown URLs, unexpected exceptions). */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        attributes.put("requestId", id == null ? "-" : id);
        if (request instanceof ServletWebRequest servlet) {
            attributes.put("back", BackLink.of(servlet.getRequest()));
        }
        attributes.remove("trace");
        attributes.remove("exception");
        return attributes;
    }
}
