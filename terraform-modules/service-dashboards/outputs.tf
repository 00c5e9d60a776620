output "dashboard_names" {
  description = "Name of each dashboard by kind: overview, performance and (with business_widgets) business-metrics."
  value       = { for kind, dashboard in aws_cloudwatch_dashboard.this : kind => dashboard.dashboard_name }
}

output "dashboard_arns" {
  description = "ARN of each dashboard by kind."
  value       = { for kind, dashboard in aws_cloudwatch_dashboard.this : kind => dashboard.dashboard_arn }
}

output "dashboard_urls" {
  description = "Console address of each dashboard by kind."
  value = {
    for kind, dashboard in aws_cloudwatch_dashboard.this :
    kind => "https://${local.region}.console.aws.amazon.com/cloudwatch/home?region=${local.region}#dashboards/dashboard/${dashboard.dashboard_name}"
  }
}
