package io.knag.kernel.architecture.example.application;

/** A port: what the use case needs, implemented in internal. */
public interface ExampleStore {

    String load(String id);
}
