output "topic_arns" {
  description = "ARN of each alert topic by tier: critical, warning, info."
  value       = { for tier, topic in module.topic : tier => topic.topic_arn }
}

output "critical_topic_arn" {
  description = "Topic for alerts that need someone now (errors, server errors, throttling)."
  value       = module.topic["critical"].topic_arn
}

output "warning_topic_arn" {
  description = "Topic for degradations worth a look during working hours (slow functions, slow API)."
  value       = module.topic["warning"].topic_arn
}

output "info_topic_arn" {
  description = "Topic for notices (budget thresholds and similar)."
  value       = module.topic["info"].topic_arn
}

output "kms_key_arn" {
  description = "Key that encrypts the topics; anything else that publishes to them needs kms:GenerateDataKey* and kms:Decrypt on it."
  value       = aws_kms_key.alerts.arn
}
