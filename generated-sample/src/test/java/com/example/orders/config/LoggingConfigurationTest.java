package com.example.orders.config;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.example.orders.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;

/** Tests log through log4j2-test.xml; this checks the configuration that is deployed, log4j2.xml. */
class LoggingConfigurationTest {

    @Test
    void deployedConfigurationWritesOneJsonObjectPerLineWithStructuredArguments() throws Exception {
        LoggerContext deployed = new LoggerContext("deployed", null, getClass().getResource("/log4j2.xml").toURI());
        String line;
        try {
            deployed.start();
            Appender appender = deployed.getConfiguration().getAppender("JsonAppender");
            var event = Log4jLogEvent.newBuilder()
                    .setLoggerName("orders")
                    .setLevel(Level.INFO)
                    .setMessage(new ParameterizedMessage("Order created", entry("orderId", "order-1")))
                    .build();
            line = new String(appender.getLayout().toByteArray(event), StandardCharsets.UTF_8);
        } finally {
            deployed.stop();
        }

        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = Json.MAPPER.readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("message").asText()).isEqualTo("Order created");
        assertThat(json.get("orderId").asText()).isEqualTo("order-1");
        assertThat(json.has("timestamp")).isTrue();
    }
}
