output "alarm_arns" {
  description = "ARN of each alarm, by alarm name."
  value       = { for key, alarm in module.alarm : "${var.name_prefix}-${key}" => alarm.cloudwatch_metric_alarm_arn }
}

output "alarm_names" {
  description = "Names of the alarms, sorted; each starts with name_prefix."
  value       = sort([for key in keys(module.alarm) : "${var.name_prefix}-${key}"])
}
