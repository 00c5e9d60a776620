package dev.launchpad.blueprint.features;

import static dev.launchpad.blueprint.features.RenderedProjects.assertNoInfraMentions;
import static dev.launchpad.blueprint.features.RenderedProjects.assertSoundTerraform;
import static dev.launchpad.blueprint.features.RenderedProjects.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.render.GeneratedProject;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The vpc-endpoints feature: private subnets without NAT, and the endpoints exactly the enabled features need. */
class VpcEndpointsFeatureTest {

    static final String VPC_ONLY = """
            {"name": "order-service", "team": "payments", "description": "Takes orders",
             "features": {"vpc-endpoints": {"vpcCidr": "10.42.0.0/16", "azCount": 3}}}
            """;
    static final String WITH_SECRETS_AND_PARAMETERS = """
            {"name": "order-service", "team": "payments", "description": "Takes orders",
             "features": {"monitoring": {}, "vpc-endpoints": {}, "secrets": {}, "parameters": {}}}
            """;
    static final String WITH_REDIS = """
            {"name": "order-service", "team": "payments", "description": "Takes orders",
             "features": {"vpc-endpoints": {}, "redis": {}}}
            """;
    static final String WITH_KINESIS = """
            {"name": "order-service", "team": "payments", "description": "Takes orders",
             "features": {"monitoring": {}, "vpc-endpoints": {}, "kinesis": {}}}
            """;
    static final String WITHOUT_VPC = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "features": {"monitoring": {}, "secrets": {}}}
            """;

    static Stream<Named<String>> specsWithTheVpc() {
        return Stream.of(Named.of("alone", VPC_ONLY), Named.of("with secrets and parameters", WITH_SECRETS_AND_PARAMETERS),
                Named.of("with redis", WITH_REDIS), Named.of("with kinesis", WITH_KINESIS));
    }

    @Test
    void theVpcHasItsOwnTerraformFileWithTheRangeAndZonesOfTheSpec() {
        String vpc = render(VPC_ONLY).text("infra/vpc-endpoints.tf");

        assertThat(vpc).contains("default     = \"10.42.0.0/16\"").contains("default     = 3")
                .contains("source  = \"terraform-aws-modules/vpc/aws\"")
                .contains("source  = \"terraform-aws-modules/vpc/aws//modules/vpc-endpoints\"");
    }

    @Test
    void nothingInTheVpcCanReachTheInternet() {
        String vpc = render(VPC_ONLY).text("infra/vpc-endpoints.tf");

        assertThat(vpc).contains("enable_nat_gateway = false").doesNotContain("public_subnets").doesNotContain("0.0.0.0/0");
    }

    @Test
    void theFunctionsRunInThePrivateSubnetsWithTheirOwnSecurityGroup() {
        String functions = render(VPC_ONLY).text("infra/functions.tf");

        assertThat(functions).contains("vpc_subnet_ids         = module.vpc.private_subnets")
                .contains("vpc_security_group_ids = [aws_security_group.functions.id]")
                .contains("attach_network_policy  = true");
    }

    @Test
    void theCoreAloneNeedsOnlyTheGatewayEndpoints() {
        String vpc = render(VPC_ONLY).text("infra/vpc-endpoints.tf");

        assertThat(vpc).contains("service         = \"dynamodb\"").contains("service         = \"s3\"")
                .contains("functions_to_dynamodb")
                .doesNotContain("private_dns_enabled").doesNotContain("functions_to_interface_endpoints")
                .doesNotContain("create_security_group");
    }

    @Test
    void secretsAndParametersGetTheirInterfaceEndpoints() {
        String vpc = render(WITH_SECRETS_AND_PARAMETERS).text("infra/vpc-endpoints.tf");

        assertThat(vpc).contains("service             = \"secretsmanager\"").contains("service             = \"ssm\"")
                .contains("functions_to_interface_endpoints").contains("source_security_group_id = aws_security_group.functions.id")
                .doesNotContain("\"kinesis-streams\"").doesNotContain("\"sqs\"");
    }

    @Test
    void theCacheNeedsSecretsManagerForItsToken() {
        String vpc = render(WITH_REDIS).text("infra/vpc-endpoints.tf");

        assertThat(vpc).contains("service             = \"secretsmanager\"").doesNotContain("\"ssm\"");
    }

    @Test
    void kinesisGetsTheStreamsEndpoint() {
        assertThat(render(WITH_KINESIS).text("infra/vpc-endpoints.tf")).contains("service             = \"kinesis-streams\"");
    }

    @Test
    void aProjectWithoutTheVpcHasNoTraceOfIt() {
        GeneratedProject project = render(WITHOUT_VPC);

        assertThat(project.has("infra/vpc-endpoints.tf")).isFalse();
        assertNoInfraMentions(project, "vpc", "security_group", "attach_network_policy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specsWithTheVpc")
    void theInfrastructureIsFormattedAndSound(String spec, @TempDir Path work) {
        assertSoundTerraform(render(spec), work);
    }
}
