output "web_acl_arn" {
  description = "ARN of the web ACL."
  value       = aws_wafv2_web_acl.this.arn
}

output "web_acl_name" {
  description = "Name of the web ACL."
  value       = aws_wafv2_web_acl.this.name
}

output "web_acl_metric_name" {
  description = "Metric name of the web ACL: the WebACL dimension of its AWS/WAFV2 metrics (with Rule = ALL and Region for the totals)."
  value       = local.name
}

output "log_group_name" {
  description = "Log group of blocked and counted requests, or null without logging."
  value       = var.logging_enabled ? aws_cloudwatch_log_group.this[0].name : null
}
