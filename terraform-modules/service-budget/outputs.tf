output "budget_name" {
  description = "Name of the budget, <name_prefix>-monthly."
  value       = aws_budgets_budget.monthly.name
}

output "budget_arn" {
  description = "ARN of the budget."
  value       = aws_budgets_budget.monthly.arn
}

output "cost_filter" {
  description = "The TagKeyValue the budget counts, e.g. user:launchpad:service$order-service."
  value       = local.cost_allocation_tag
}
