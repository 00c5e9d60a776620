output "api_id" {
  description = "ID of the REST API."
  value       = aws_api_gateway_rest_api.this.id
}

output "api_name" {
  description = "Name of the REST API (the ApiName dimension of its metrics)."
  value       = aws_api_gateway_rest_api.this.name
}

output "api_execution_arn" {
  description = "Execution ARN of the API; <api_execution_arn>/*/* is what a Lambda permission for it names."
  value       = aws_api_gateway_rest_api.this.execution_arn
}

output "stage_name" {
  description = "Name of the stage (the Stage dimension of the API's metrics)."
  value       = aws_api_gateway_stage.this.stage_name
}

output "stage_arn" {
  description = "ARN of the stage, which a WAF web ACL is associated with."
  value       = aws_api_gateway_stage.this.arn
}

output "stage_invoke_url" {
  description = "Base URL of the stage, ending in a slash like an HTTP API's, e.g. for curl <stage_invoke_url>health."
  value       = "${aws_api_gateway_stage.this.invoke_url}/"
}

output "access_log_group_name" {
  description = "Log group of the stage's access log."
  value       = aws_cloudwatch_log_group.access.name
}
