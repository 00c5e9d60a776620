# The monitoring feature: alert topics, alarms and dashboards, from the platform's modules. The
# thresholds are the ones chosen when the service was created; change them here.

variable "alert_email" {
  description = "Email address subscribed to the critical and warning alert topics, or null to subscribe something else later."
  type        = string
  default     = "commerce-oncall@example.com"

  validation {
    condition     = var.alert_email == null || can(regex("^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$", var.alert_email))
    error_message = "alert_email must be an email address or null."
  }
}

locals {
  function_names = { for key, function in module.function : key => function.lambda_function_name }
  table_names    = merge({ for key, table in module.table : key => table.dynamodb_table_id }, local.kinesis_table_names, local.change_capture_table_names)
  alarm_arns = merge(
    module.lambda_alarms.alarm_arns,
    module.api_alarms.alarm_arns,
    module.dynamodb_alarms.alarm_arns,
    local.waf_alarm_arns,
    local.cache_alarm_arns,
    local.table_capacity_alarm_arns,
    local.secrets_alarm_arns,
    local.kinesis_alarm_arns,
    local.change_capture_alarm_arns,
  )
}

module "alerting" {
  source = "git::http://localhost:7070/git/platform/terraform-modules.git//alerting?ref=v0.1.0"

  name_prefix    = local.name_prefix
  email_endpoint = var.alert_email
  feature        = "monitoring"
}

module "lambda_alarms" {
  source = "git::http://localhost:7070/git/platform/terraform-modules.git//lambda-alarms?ref=v0.1.0"

  name_prefix           = local.name_prefix
  function_names        = local.function_names
  error_threshold       = 5
  duration_threshold_ms = 10000
  critical_topic_arn    = module.alerting.critical_topic_arn
  warning_topic_arn     = module.alerting.warning_topic_arn
  feature               = "monitoring"
}

# Timed-out invocations report the timeout as their duration, so a duration threshold at or above the
# timeout can never be crossed. Plan warns when the two settings disagree.
check "duration_alarm_can_fire" {
  assert {
    condition     = 10000 < var.function_timeout_seconds * 1000
    error_message = "The duration alarm fires above 10000 ms, but the functions time out after ${var.function_timeout_seconds} s, so it never fires: lower duration_threshold_ms below the timeout."
  }
}

module "api_alarms" {
  source = "git::http://localhost:7070/git/platform/terraform-modules.git//api-alarms?ref=v0.1.0"

  name_prefix            = local.name_prefix
  api_id                 = module.api.api_id
  api_kind               = "rest"
  api_name               = module.api.api_name
  stage_name             = module.api.stage_name
  server_error_threshold = 10
  latency_threshold_ms   = 5000
  critical_topic_arn     = module.alerting.critical_topic_arn
  warning_topic_arn      = module.alerting.warning_topic_arn
  feature                = "monitoring"
}

module "dynamodb_alarms" {
  source = "git::http://localhost:7070/git/platform/terraform-modules.git//dynamodb-alarms?ref=v0.1.0"

  name_prefix        = local.name_prefix
  table_names        = local.table_names
  throttle_threshold = 0
  critical_topic_arn = module.alerting.critical_topic_arn
  feature            = "monitoring"
}

module "dashboards" {
  source = "git::http://localhost:7070/git/platform/terraform-modules.git//service-dashboards?ref=v0.1.0"

  name_prefix    = local.name_prefix
  function_names = local.function_names
  api_id         = module.api.api_id
  api_kind       = "rest"
  api_name       = module.api.api_name
  stage_name     = module.api.stage_name
  table_names    = local.table_names

  # The business metrics the handlers publish with Powertools (dimension Service = POWERTOOLS_SERVICE_NAME).
  metrics_namespace = local.function_environment.POWERTOOLS_METRICS_NAMESPACE
  service_dimension = local.function_environment.POWERTOOLS_SERVICE_NAME
  business_widgets = [
    { title = "Orders created and cancelled", metric_names = ["OrdersCreated", "OrdersCancelled"] },
    { title = "Users created", metric_names = ["UsersCreated"] },
    { title = "Order processing time (ms)", metric_names = ["OrderProcessingTime"], stats = ["Average", "p99"] },
  ]

  alarm_arns      = values(local.alarm_arns)
  log_group_names = [for function in module.function : function.lambda_cloudwatch_log_group_name]

  # Graphs of the features' own resources.
  feature_widgets = concat(
    local.waf_dashboard_widgets,
    local.cache_dashboard_widgets,
    local.table_capacity_dashboard_widgets,
    local.parameters_dashboard_widgets,
    local.kinesis_dashboard_widgets,
    local.change_capture_dashboard_widgets,
  )
}

output "alert_topic_arns" {
  description = "ARN of each alert topic by tier: critical, warning, info."
  value       = module.alerting.topic_arns
}

output "alarm_names" {
  description = "Every alarm of this stack; all start with the name prefix."
  value       = sort(keys(local.alarm_arns))
}

output "dashboard_urls" {
  description = "Console address of each dashboard: overview, business-metrics, performance."
  value       = module.dashboards.dashboard_urls
}
