package org.wushe.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control for the public writes (help requests, codes, registrations, check-ins): at most
 * {@code wushe.web.public-concurrency} of them run at once on this node, and one that cannot start within
 * {@code wushe.web.public-queue-wait} is answered 429 with Retry-After at once ({@link ShedAnswer}: the wait and the
 * answer together stay under 100 ms while the node has a core to give). Per-address and per-phone limits
 * stop abusers; this stops a surge of honest residents from queueing past every time-out — load is shed, the node
 * does not fall over, and nothing answered 429 was stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicAdmission extends OncePerRequestFilter {

    private static final String[] PUBLIC_WRITES = {
        "/api/v1/public/",
        "/help",
        "/volunteer/register",
        "/api/v1/volunteer-registrations",
        "/check-in/",
        "/api/v1/check-in/"
    };

    private final Semaphore permits;
    private final long waitMillis;
    private final ShedAnswer shed;

    /**
     * @param concurrency public writes that may run at once; 0 (the default) means 4 per core. On 2 cores the
     *                    benchmark's overload step (800 req/s offered) answered its 429s at p99 0.2–0.4 s with 8
     *                    and 0.6–1.5 s with 16, and no fewer writes with 8; with 4, in a slow minute, it shed a
     *                    fifth of a 200 req/s step (8: 4 %).
     */
    PublicAdmission(
            @Value("${wushe.web.public-concurrency:0}") int concurrency,
            @Value("${wushe.web.public-queue-wait:PT0.05S}") Duration wait,
            ShedAnswer shed) {
        this.permits = new Semaphore(
                concurrency > 0 ? concurrency : 4 * Runtime.getRuntime().availableProcessors());
        this.waitMillis = wait.toMillis();
        this.shed = shed;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : PUBLIC_WRITES) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            shed.write(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
