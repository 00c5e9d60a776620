variable "environment" {
  description = "The environment this stack is: dev, staging, prod."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of the service's environments: dev, staging, prod."
  }
}

variable "region" {
  description = "AWS region of the whole stack."
  type        = string
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "function_memory_mb" {
  description = "Memory of each function in MB; Lambda gives CPU in proportion, and Java starts noticeably faster from 1024."
  type        = number
  default     = 1024

  validation {
    condition     = var.function_memory_mb >= 128 && var.function_memory_mb <= 10240 && floor(var.function_memory_mb) == var.function_memory_mb
    error_message = "function_memory_mb must be a whole number from 128 to 10240."
  }
}

variable "function_timeout_seconds" {
  description = "How long one invocation may run, in seconds."
  type        = number
  default     = 15

  validation {
    condition     = var.function_timeout_seconds >= 1 && var.function_timeout_seconds <= 29
    error_message = "function_timeout_seconds must be from 1 to 29: API Gateway stops waiting after 30 seconds."
  }
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the functions' and the API's logs, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts, such as 7, 30, 90 or 365."
  }
}

variable "log_level" {
  description = "Level of the application's logs (Powertools and the Lambda log filter alike)."
  type        = string
  default     = "INFO"

  validation {
    condition     = contains(["DEBUG", "INFO", "WARN", "ERROR"], var.log_level)
    error_message = "log_level must be DEBUG, INFO, WARN or ERROR."
  }
}

variable "deletion_protection" {
  description = "Whether the tables refuse to be deleted, terraform destroy included. Turn it off only where losing the data is fine."
  type        = bool
  default     = true
}

variable "api_throttling_rate_limit" {
  description = "Steady requests per second the API accepts before answering 429; it protects the tables and the bill."
  type        = number
  default     = 100

  validation {
    condition     = var.api_throttling_rate_limit > 0
    error_message = "api_throttling_rate_limit must be positive."
  }
}

variable "api_throttling_burst_limit" {
  description = "Requests the API accepts at once above the rate limit, in a short burst."
  type        = number
  default     = 200

  validation {
    condition     = var.api_throttling_burst_limit > 0 && floor(var.api_throttling_burst_limit) == var.api_throttling_burst_limit
    error_message = "api_throttling_burst_limit must be a positive whole number."
  }
}
