locals {
  namespace = "AWS/ApiGateway"
  tags      = merge(var.tags, { "launchpad:feature" = var.feature })
  minutes   = var.period_seconds / 60

  # HTTP APIs publish 5xx and Latency by ApiId, which covers every stage; REST APIs publish 5XXError and
  # Latency by ApiName and Stage.
  rest                = var.api_kind == "rest"
  dimensions          = local.rest ? { ApiName = var.api_name, Stage = var.stage_name } : { ApiId = var.api_id }
  server_error_metric = local.rest ? "5XXError" : "5xx"

  alarms = {
    "api-5xx" = {
      description        = "Critical: API ${var.api_id} returned more than ${var.server_error_threshold} 5XX responses in ${local.minutes} minutes."
      metric_name        = local.server_error_metric
      statistic          = "Sum"
      extended_statistic = null
      threshold          = var.server_error_threshold
      dimensions         = local.dimensions
      actions            = [var.critical_topic_arn]
    }
    "api-latency-p99" = {
      description        = "Warning: the p99 latency of API ${var.api_id} over ${local.minutes} minutes exceeded ${var.latency_threshold_ms} ms."
      metric_name        = "Latency"
      statistic          = null
      extended_statistic = "p99"
      threshold          = var.latency_threshold_ms
      dimensions         = local.dimensions
      actions            = [var.warning_topic_arn]
    }
  }
}

# The metric-alarm module maps its inputs one to one onto aws_cloudwatch_metric_alarm. It is used anyway so
# that every platform alarm comes from the same pinned, community-reviewed code as the rest of the stack.
module "alarm" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/metric-alarm"
  version = "5.7.2"

  for_each = local.alarms

  alarm_name          = "${var.name_prefix}-${each.key}"
  alarm_description   = each.value.description
  namespace           = local.namespace
  metric_name         = each.value.metric_name
  dimensions          = each.value.dimensions
  statistic           = each.value.statistic
  extended_statistic  = each.value.extended_statistic
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold

  # No data means no traffic, and no traffic is neither an error nor slow. Treating it as missing
  # would leave quiet environments in INSUFFICIENT_DATA, which the portal shows as unknown health.
  treat_missing_data = "notBreaching"

  # OK notifications go to the same topic, so whoever was alerted also learns of the recovery.
  alarm_actions = each.value.actions
  ok_actions    = each.value.actions

  tags = local.tags
}
