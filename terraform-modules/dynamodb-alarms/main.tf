locals {
  namespace = "AWS/DynamoDB"
  tags      = merge(var.tags, { "launchpad:feature" = var.feature })
  minutes   = var.period_seconds / 60

  # Read and write throttle events carry the TableName dimension alone (ThrottledRequests also needs
  # Operation), so two plain alarms per table cover every operation without metric math.
  throttles = {
    read  = "ReadThrottleEvents"
    write = "WriteThrottleEvents"
  }

  alarms = merge([
    for key, name in var.table_names : {
      for kind, metric in local.throttles : "${key}-table-${kind}-throttles" => {
        description        = "Critical: table ${name} throttled more than ${var.throttle_threshold} ${kind} requests in ${local.minutes} minutes."
        metric_name        = metric
        statistic          = "Sum"
        extended_statistic = null
        threshold          = var.throttle_threshold
        dimensions         = { TableName = name }
        actions            = [var.critical_topic_arn]
      }
    }
  ]...)
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
