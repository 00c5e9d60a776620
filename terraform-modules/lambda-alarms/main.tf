locals {
  namespace = "AWS/Lambda"
  tags      = merge(var.tags, { "launchpad:feature" = var.feature })
  minutes   = var.period_seconds / 60

  # One entry per alarm; its key is the alarm name after the prefix, e.g. users-errors.
  alarms = merge(
    {
      for key, name in var.function_names : "${key}-errors" => {
        description        = "Critical: function ${name} reported more than ${var.error_threshold} errors in ${local.minutes} minutes."
        metric_name        = "Errors"
        statistic          = "Sum"
        extended_statistic = null
        threshold          = var.error_threshold
        dimensions         = { FunctionName = name }
        actions            = [var.critical_topic_arn]
      }
    },
    {
      for key, name in var.function_names : "${key}-duration-p99" => {
        description        = "Warning: the p99 duration of function ${name} over ${local.minutes} minutes exceeded ${var.duration_threshold_ms} ms."
        metric_name        = "Duration"
        statistic          = null
        extended_statistic = "p99"
        threshold          = var.duration_threshold_ms
        dimensions         = { FunctionName = name }
        actions            = [var.warning_topic_arn]
      }
    },
  )
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
