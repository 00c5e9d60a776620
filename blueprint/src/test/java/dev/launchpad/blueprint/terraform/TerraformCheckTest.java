package dev.launchpad.blueprint.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.render.ModuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check finds each kind of mistake it claims to, on small configurations written for the purpose. */
class TerraformCheckTest {

    private static final String GREETER_VARIABLES = """
            variable "name" {
              type = string
            }

            variable "greeting" {
              type    = string
              default = "Hello"
            }
            """;

    private static final String GREETER_OUTPUTS = """
            output "message" {
              value = "${var.greeting}, ${var.name}"
            }
            """;

    private static final String GOOD_ROOT = """
            variable "environment" {
              type = string
            }

            locals {
              name_prefix = "svc-${var.environment}"
            }

            data "aws_region" "current" {}

            resource "aws_kms_key" "data" {
              description = "${local.name_prefix} in ${data.aws_region.current.region}"
            }

            module "greeter" {
              source = "MODULES/greeter"
              name   = local.name_prefix
            }

            module "function" {
              source  = "terraform-aws-modules/lambda/aws"
              version = "8.8.1"

              function_name = "${local.name_prefix}-health"
              description   = "Says $${literally} %%{this}"
              kms_key_arn   = aws_kms_key.data.arn
            }

            output "message" {
              value = module.greeter.message
            }

            output "function" {
              value = module.function.lambda_function_name
            }
            """;

    @TempDir
    Path work;

    private Path modules;
    private Path root;
    private TerraformCheck check;

    @BeforeEach
    void writeAModuleAndARootThatCallsIt() throws IOException {
        modules = work.resolve("modules");
        write(modules.resolve("greeter/variables.tf"), GREETER_VARIABLES);
        write(modules.resolve("greeter/outputs.tf"), GREETER_OUTPUTS);
        root = work.resolve("infra");
        write(root.resolve("main.tf"), GOOD_ROOT);
        write(root.resolve("environments/dev.tfvars"), "environment = \"dev\"\n");
        write(root.resolve("environments/dev.backend.hcl"), "bucket = \"b\"\nuse_lockfile = true\n");
        check = new TerraformCheck(HclParser.installed(), RegistryModules.load(),
                TerraformCheck.platformModules(ModuleSource.localDirectory(modules.toString()), modules));
    }

    @Test
    void aSoundConfigurationHasNoFindings() {
        assertThat(check.check(root)).isEmpty();
    }

    @Test
    void anInputTheModuleDoesNotDeclareIsFound() throws IOException {
        edit("name   = local.name_prefix", "name   = local.name_prefix\n  colour = \"red\"");
        assertThat(messages()).containsExactly("module greeter passes colour, which " + modules + "/greeter does not declare");
    }

    @Test
    void aMissingRequiredInputIsFound() throws IOException {
        edit("  name   = local.name_prefix\n", "");
        assertThat(messages()).containsExactly("module greeter does not set name, which " + modules + "/greeter requires");
    }

    @Test
    void anInputARegistryModuleDoesNotDeclareIsFound() throws IOException {
        edit("function_name = ", "function_nam = ");
        assertThat(messages()).containsExactly(
                "module function passes function_nam, which terraform-aws-modules/lambda/aws does not declare");
    }

    @Test
    void aRegistryModuleNotPinnedToTheCheckedVersionIsFound() throws IOException {
        edit("version = \"8.8.1\"", "version = \"~> 8.0\"");
        assertThat(messages()).singleElement().asString().contains("must pin terraform-aws-modules/lambda/aws to exactly 8.8.1");
    }

    @Test
    void aModuleFromAnUncheckedSourceIsFound() throws IOException {
        edit("terraform-aws-modules/lambda/aws", "terraform-aws-modules/lambda-typo/aws");
        assertThat(messages()).anySatisfy(m -> assertThat(m).contains("neither a platform module nor a registry module"));
    }

    @Test
    void unresolvedVariablesLocalsDataSourcesAndResourcesAreFound() throws IOException {
        edit("\"svc-${var.environment}\"", "\"svc-${var.environmnet}\"");
        edit("description = \"${local.name_prefix} in ${data.aws_region.current.region}\"",
                "description = \"${local.prefix} in ${data.aws_region.here.region}\"");
        edit("kms_key_arn   = aws_kms_key.data.arn", "kms_key_arn   = aws_kms_key.tables.arn");
        assertThat(messages()).containsExactlyInAnyOrder(
                "var.environmnet does not resolve: no such variable",
                "local.prefix does not resolve: no such local value",
                "data.aws_region.here does not resolve: no such data source",
                "aws_kms_key.tables does not resolve: no such resource");
    }

    @Test
    void anOutputTheCalledModuleLacksIsFound() throws IOException {
        edit("module.greeter.message", "module.greeter.greeting");
        edit("module.function.lambda_function_name", "module.function.function_name");
        assertThat(messages()).containsExactlyInAnyOrder(
                "module.greeter.greeting does not resolve: the module has no such output",
                "module.function.function_name does not resolve: the module has no such output");
    }

    @Test
    void aCallToAnUndeclaredModuleIsFound() throws IOException {
        edit("module.greeter.message", "module.welcomer.message");
        assertThat(messages()).containsExactly("module.welcomer does not resolve: no such module call");
    }

    @Test
    void mistakesInsideACalledPlatformModuleAreFound() throws IOException {
        write(modules.resolve("greeter/outputs.tf"), GREETER_OUTPUTS.replace("var.greeting", "var.salutation"));
        assertThat(check.check(root)).singleElement().satisfies(finding -> {
            assertThat(finding.file()).isEqualTo(modules.resolve("greeter/outputs.tf").toAbsolutePath());
            assertThat(finding.message()).isEqualTo("var.salutation does not resolve: no such variable");
        });
    }

    @Test
    void aVariableFileSettingAnUndeclaredVariableIsFound() throws IOException {
        write(root.resolve("environments/dev.tfvars"), "environment = \"dev\"\nlog_level = \"DEBUG\"\n");
        assertThat(messages()).containsExactly("sets log_level, which is not a variable of infra");
    }

    @Test
    void velocityLeftInAnyFileIsFound() throws IOException {
        edit("name   = local.name_prefix", "name   = \"$project.name\"");
        write(root.resolve("environments/dev.backend.hcl"), "bucket = \"b\"\n#if($x)\nkey = \"k\"\n#end\n");
        assertThat(messages()).containsExactlyInAnyOrder(
                "keeps Velocity $project at line 17", "keeps Velocity #if at line 2", "keeps Velocity #end at line 4");
    }

    @Test
    void aFileThatDoesNotParseIsFound() throws IOException {
        write(root.resolve("broken.tf"), "locals {\n  a = \"unterminated\n}\n");
        assertThat(messages()).singleElement().asString().startsWith("does not parse: ");
    }

    @Test
    void aDeclarationRepeatedInAnotherFileIsFound() throws IOException {
        write(root.resolve("more.tf"), "variable \"environment\" {\n  type = string\n}\n");
        assertThat(messages()).containsExactly("variable environment is declared again (first in main.tf)");
    }

    @Test
    void escapedTemplateSequencesAreTextNotExpressions() {
        assertThat(TerraformCheck.interpolations("a $${var.x} %%{if} ${local.y}-${join(\",\", [for k in var.z : \"${k}\"])}"))
                .containsExactly("local.y", "join(\",\", [for k in var.z : \"${k}\"])");
    }

    private List<String> messages() {
        return check.check(root).stream().map(TerraformCheck.Finding::message).toList();
    }

    private void edit(String from, String to) throws IOException {
        Path main = root.resolve("main.tf");
        String text = Files.readString(main);
        assertThat(text).as("fixture text to replace").contains(from);
        Files.writeString(main, text.replace(from, to));
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.replace("MODULES", modules == null ? "" : modules.toString()));
    }
}
