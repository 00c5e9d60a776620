# The budgets feature: a monthly cost budget on the launchpad:service tag, from the platform's module.
# It notifies the monitoring feature's info topic.

variable "monthly_budget_usd" {
  description = "Budget of this environment per calendar month, in US dollars; set it per environment in its .tfvars."
  type        = number
  default     = 250

  validation {
    condition     = var.monthly_budget_usd > 0
    error_message = "monthly_budget_usd must be positive."
  }
}

variable "budget_email" {
  description = "Email address AWS Budgets also notifies directly, besides the info alert topic, or null."
  type        = string
  default     = null

  validation {
    condition     = var.budget_email == null || can(regex("^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$", var.budget_email))
    error_message = "budget_email must be an email address or null."
  }
}

module "budget" {
  source = "git::http://localhost:7070/git/platform/terraform-modules.git//service-budget?ref=v0.1.0"

  name_prefix       = local.name_prefix
  service           = local.service
  monthly_limit_usd = var.monthly_budget_usd
  sns_topic_arn     = module.alerting.info_topic_arn
  email             = var.budget_email
  feature           = "budgets"
}

output "budget_name" {
  description = "Name of the monthly budget."
  value       = module.budget.budget_name
}
