package io.microdrama.devstack;

import java.nio.file.Path;
import java.util.List;

/** Test helper process: starts Kafka and PostgreSQL, prints their ports, then waits to be killed. */
public final class StackHolderMain {
    public static void main(String[] args) throws Exception {
        DevStack stack = DevStack.builder().kafka(0).postgres(0, List.of("holder")).workDir(Path.of(args[0]))
                .environment(java.util.Map.of()).start();
        String kafkaPort = stack.kafkaBootstrapServers().orElseThrow().replaceAll(".*:", "");
        System.out.println("HOLDER READY kafka=" + kafkaPort + " postgres=" + stack.database("holder").orElseThrow().port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
