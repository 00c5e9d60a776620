output "name_prefix" {
  description = "Start of every name in this stack, <service>-<environment>."
  value       = local.name_prefix
}

output "api_url" {
  description = "Base URL of the API, e.g. for curl <api_url>health."
  value       = module.api.stage_invoke_url
}

output "api_id" {
  description = "ID of the REST API that the waf feature puts in front of the functions."
  value       = module.api.api_id
}

output "function_names" {
  description = "Name of each function by role: health, users, orders."
  value       = { for key, function in module.function : key => function.lambda_function_name }
}

output "function_log_groups" {
  description = "Log group of each function by role."
  value       = { for key, function in module.function : key => function.lambda_cloudwatch_log_group_name }
}

output "table_names" {
  description = "Name of each table: users, orders."
  value       = { for key, table in module.table : key => table.dynamodb_table_id }
}

output "data_key_arn" {
  description = "KMS key that encrypts the tables."
  value       = aws_kms_key.data.arn
}
