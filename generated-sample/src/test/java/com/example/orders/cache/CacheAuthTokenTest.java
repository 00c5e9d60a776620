package com.example.orders.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.orders.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The real Secrets Manager client against a stub on a loopback port that speaks its JSON protocol. */
class CacheAuthTokenTest {

    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile String secretString = "s3cret-token";
    private HttpServer server;
    private SecretsManagerClient secrets;

    @BeforeEach
    void startTheStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(Json.MAPPER.readTree(exchange.getRequestBody()));
            byte[] body = Json.write(Map.of("ARN", LocalCache.SECRET_ARN, "SecretString", secretString))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        secrets = SecretsManagerClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stopTheStub() {
        secrets.close();
        server.stop(0);
    }

    @Test
    void readsTheTokenFromTheSecretTheDeploymentNames() {
        assertThat(CacheAuthToken.read(secrets, LocalCache.SECRET_ARN)).isEqualTo("s3cret-token");
        assertThat(requests).singleElement().satisfies(request ->
                assertThat(request.get("SecretId").asText()).isEqualTo(LocalCache.SECRET_ARN));
    }

    @Test
    void refusesASecretWithoutAToken() {
        secretString = " ";

        assertThatThrownBy(() -> CacheAuthToken.read(secrets, LocalCache.SECRET_ARN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds no AUTH token");
    }
}
