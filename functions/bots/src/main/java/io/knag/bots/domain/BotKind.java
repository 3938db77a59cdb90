package io.knag.bots.domain;

/**
 * How a bot runs. CONTINUOUS: one instance, always on (a Deployment on Kubernetes, a process locally).
 * REQUEST_DRIVEN: woken by HTTP requests (webhook alerts, signals) and scaled to zero between them (a Knative
 * Service on Kubernetes; the local runtime, which cannot scale to zero, runs it as one process).
 */
public enum BotKind {
    CONTINUOUS, REQUEST_DRIVEN
}
