terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.x removed stage settings from aws_api_gateway_deployment; the calling stack pins the exact range.
      version = ">= 6.28"
    }
  }
}
