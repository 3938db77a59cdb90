package io.knag.host;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says where the host answers once it does: the line a person running {@code ./knag up} waits for. */
@Component
class ReadyAnnouncement implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String address = event.getApplicationContext().getEnvironment().getProperty("server.address", "127.0.0.1");
            log.info("Knag function host ready at http://{}:{} (API under /api/v1, health at /actuator/health)",
                    address, web.getWebServer().getPort());
        }
    }
}
