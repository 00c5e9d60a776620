# The parameters feature: configuration and feature flags in Parameter Store under
# /<service>/<environment>/, which the functions read with a cache, so behaviour changes without a
# deployment. None of it is secret (secrets belong in Secrets Manager), so the parameters are plain
# String parameters. Flip a flag with:
#   aws ssm put-parameter --overwrite --name /<service>/<environment>/features/<flag> --value true

locals {
  parameter_prefix = "/${local.service}/${var.environment}/"

  # Settings Terraform owns: changing one here changes it in the next apply.
  app_config = {
    "config/log_level" = {
      value       = var.log_level
      description = "Level of the application's logs, as the functions are deployed with."
    }
    "config/api_throttling_rate_limit" = {
      value       = tostring(var.api_throttling_rate_limit)
      description = "Steady requests per second the API accepts, as deployed."
    }
  }

  # Flags operators own: Terraform creates each one off and then leaves its value alone.
  feature_flags = toset(["enable_real_time_analytics", "enable_advanced_caching", "enable_security_monitoring"])

  # The statement a function that reads parameters adds to its policy_statements (functions.tf): this
  # stack's parameters only. Getting by path needs the path itself (.../features) in the resource, which
  # the wildcard covers.
  parameter_read_statement = {
    effect    = "Allow"
    actions   = ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"]
    resources = ["arn:aws:ssm:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:parameter${local.parameter_prefix}*"]
  }
}

resource "aws_ssm_parameter" "config" {
  for_each = local.app_config

  name        = "${local.parameter_prefix}${each.key}"
  description = each.value.description
  type        = "String"
  value       = each.value.value

  tags = {
    "launchpad:feature" = "parameters"
  }
}

resource "aws_ssm_parameter" "feature_flag" {
  for_each = local.feature_flags

  name        = "${local.parameter_prefix}features/${each.key}"
  description = "Feature flag ${each.key}: true or false. The functions see a change within their cache time."
  type        = "String"
  value       = "false"

  tags = {
    "launchpad:feature" = "parameters"
  }

  lifecycle {
    ignore_changes = [value]
  }
}

locals {
  # FeatureFlagEvaluations, which the functions publish on each check, next to the business metrics.
  parameters_dashboard_widgets = [
    {
      dashboard = "business-metrics"
      title     = "Feature flag checks"
      metrics = [{
        namespace  = local.function_environment.POWERTOOLS_METRICS_NAMESPACE
        name       = "FeatureFlagEvaluations"
        dimensions = { Service = local.function_environment.POWERTOOLS_SERVICE_NAME }
        label      = "checks"
      }]
    },
  ]
}

output "parameter_prefix" {
  description = "Parameter Store path of this stack's configuration (config/) and feature flags (features/)."
  value       = local.parameter_prefix
}
