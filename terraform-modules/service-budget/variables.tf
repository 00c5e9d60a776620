variable "name_prefix" {
  description = "Start of the budget name, <service>-<environment> (for example order-service-prod); the budget is <name_prefix>-monthly."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,62}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2 to 64 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "service" {
  description = "Value of the launchpad:service tag whose cost the budget counts (the service name, for example order-service)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.service))
    error_message = "service must be a Launchpad service name: lowercase letters, digits and hyphens."
  }
}

variable "monthly_limit_usd" {
  description = "The budget for one calendar month, in US dollars."
  type        = number

  validation {
    condition     = var.monthly_limit_usd > 0
    error_message = "monthly_limit_usd must be positive."
  }
}

variable "actual_threshold_percent" {
  description = "Notify when actual spend this month passes this share of the limit."
  type        = number
  default     = 80

  validation {
    condition     = var.actual_threshold_percent > 0
    error_message = "actual_threshold_percent must be positive."
  }
}

variable "forecast_threshold_percent" {
  description = "Notify when the forecast for this month passes this share of the limit."
  type        = number
  default     = 100

  validation {
    condition     = var.forecast_threshold_percent > 0
    error_message = "forecast_threshold_percent must be positive."
  }
}

variable "sns_topic_arn" {
  description = "Topic AWS Budgets notifies (the info alert topic). Its policy must let budgets.amazonaws.com publish, and its key must let it encrypt: the alerting module's topics do both."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:sns:", var.sns_topic_arn))
    error_message = "sns_topic_arn must be the ARN of an SNS topic."
  }
}

variable "email" {
  description = "Email address AWS Budgets also notifies directly, or null for none."
  type        = string
  default     = null

  validation {
    condition     = var.email == null || can(regex("^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$", var.email))
    error_message = "email must be an email address or null."
  }
}

variable "feature" {
  description = "Value of the launchpad:feature tag on the budget: the Launchpad feature it exists for."
  type        = string
  default     = "budgets"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.feature))
    error_message = "feature must be a Launchpad feature id: lowercase letters, digits and hyphens."
  }
}

variable "tags" {
  description = "Extra tags for the budget. The launchpad:service, launchpad:team and launchpad:environment tags come from the provider's default_tags."
  type        = map(string)
  default     = {}
}
