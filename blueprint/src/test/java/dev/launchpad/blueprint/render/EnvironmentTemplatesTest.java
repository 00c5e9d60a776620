package dev.launchpad.blueprint.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.spec.Validation;
import org.junit.jupiter.api.Test;

/** Templates with __environment__ in their path: one file per environment of the spec. */
class EnvironmentTemplatesTest {

    private static final Blueprint BLUEPRINT = Blueprint.load();

    @Test
    void aTemplateWithEnvironmentInItsPathIsRenderedOncePerEnvironmentWithThatName() {
        Validation validation = BLUEPRINT.validate(
                "{\"name\":\"order-service\",\"team\":\"payments\",\"description\":\"d\",\"environments\":[\"dev\",\"qa\",\"prod\"]}");
        GeneratedProject project = BLUEPRINT.render(((Validation.Valid) validation).spec());
        assertThat(project.files().keySet()).filteredOn(path -> path.startsWith("infra/environments/")).containsExactly(
                "infra/environments/dev.backend.hcl", "infra/environments/dev.tfvars",
                "infra/environments/prod.backend.hcl", "infra/environments/prod.tfvars",
                "infra/environments/qa.backend.hcl", "infra/environments/qa.tfvars");
        assertThat(project.text("infra/environments/qa.tfvars")).contains("environment = \"qa\"");
        assertThat(project.text("infra/environments/qa.backend.hcl")).contains("key          = \"order-service/qa/terraform.tfstate\"");
        assertThat(project.files().keySet()).noneMatch(path -> path.contains(ProjectRenderer.ENVIRONMENT_PLACEHOLDER));
    }
}
