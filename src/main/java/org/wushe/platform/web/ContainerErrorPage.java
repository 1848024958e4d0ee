package org.wushe.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer Tomcat gives itself, before Spring MVC sees the request — a malformed address such as {@code GET /%},
 * an encoded slash, a request line it cannot parse: a short bilingual page in Wushe's style instead of Tomcat's
 * "HTTP Status 400" report (which also names the server). Errors inside the application keep going to the error
 * page of {@link ErrorHandling}; this valve only writes when nothing else did.
 */
@Component
class ContainerErrorPage implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final MessageSource messages;

    ContainerErrorPage(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        // runs after Spring Boot's own customizer, which adds a plain ErrorReportValve to the host: replace it
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(""); // else the host adds Tomcat's own again when it starts
            }
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new Page(messages));
        });
    }

    static final class Page extends ErrorReportValve {

        private final MessageSource messages;

        Page(MessageSource messages) {
            this.messages = messages;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String kind = status == 400 ? "400" : status == 404 ? "404" : status < 500 ? "4xx" : "500";
            String zh = text("error." + kind + ".title", Locale.SIMPLIFIED_CHINESE);
            String en = text("error." + kind + ".title", Locale.ENGLISH);
            String detailZh = text(
                    status == 400 ? "error.address.malformed" : "error." + kind + ".help", Locale.SIMPLIFIED_CHINESE);
            String detailEn =
                    text(status == 400 ? "error.address.malformed" : "error." + kind + ".help", Locale.ENGLISH);
            String html = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>" + zh + " · " + en + "</title>"
                    // the stylesheets of every other page (ShedAnswer's too): without Bootstrap's, the container,
                    // spacing and type classes are inert and a phone shows a bare page against the screen's edge
                    + "<link rel=\"stylesheet\" href=\"/webjars/bootstrap/css/bootstrap.min.css\">"
                    + "<link rel=\"stylesheet\" href=\"/css/wushe.css\"></head><body>"
                    + "<main class=\"container py-5 wushe-narrow\"><p class=\"display-6 text-body-secondary\">"
                    + status + "</p>"
                    + "<h1 class=\"h3\">" + zh + "</h1><p>" + detailZh + "</p>"
                    + "<h2 class=\"h5\" lang=\"en\">" + en + "</h2><p lang=\"en\">" + detailEn + "</p>"
                    + "<p><a href=\"/\">" + text("error.home", Locale.SIMPLIFIED_CHINESE) + " · "
                    + text("error.home", Locale.ENGLISH) + "</a></p></main></body></html>\n";
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
                response.setHeader("X-Content-Type-Options", "nosniff");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(html);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client has gone or the response cannot be written: nothing more to do
            }
        }

        private String text(String key, Locale locale) {
            return HtmlUtils.htmlEscape(messages.getMessage(key, null, key, locale));
        }
    }
}
