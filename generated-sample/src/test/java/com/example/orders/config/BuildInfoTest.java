package com.example.orders.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void versionIsTheOneMavenBuilt() {
        assertThat(BuildInfo.load().version()).isEqualTo("0.1.0-SNAPSHOT");
    }
}
