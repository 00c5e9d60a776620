# The vpc-endpoints feature: the functions run in private subnets of the service's own VPC, which has no
# NAT gateway and no route to the internet. They reach DynamoDB through a gateway endpoint and the other
# AWS services they call through interface endpoints, so their traffic never leaves the AWS network.
#
# Nothing else is needed from inside the VPC: Lambda delivers the functions' logs (and so the metrics
# Powertools writes into them) itself, and the X-Ray SDK sends trace data over UDP to the X-Ray daemon
# Lambda runs next to the function (AWS_XRAY_DAEMON_ADDRESS, a link-local address), which forwards it
# outside the VPC; neither needs an endpoint. Nor does SQS: the dead-letter queues of the stream
# consumers are written by Lambda's event source mappings, not by code in the functions.

variable "vpc_cidr" {
  description = "Address range of the service's VPC; its private subnets take consecutive /20 blocks of it."
  type        = string
  default     = "10.20.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && endswith(var.vpc_cidr, "/16")
    error_message = "vpc_cidr must be a /16 IPv4 range such as 10.20.0.0/16."
  }
}

variable "vpc_az_count" {
  description = "Availability zones with a private subnet for the functions (and a network interface of each interface endpoint)."
  type        = number
  default     = 2

  validation {
    condition     = var.vpc_az_count >= 2 && var.vpc_az_count <= 3 && floor(var.vpc_az_count) == var.vpc_az_count
    error_message = "vpc_az_count must be 2 or 3: Lambda needs two zones to stay available."
  }
}

data "aws_availability_zones" "vpc" {
  state = "available"

  # Zones every account has, not Local Zones that need opting in.
  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

locals {
  vpc_azs         = slice(data.aws_availability_zones.vpc.names, 0, var.vpc_az_count)
  private_subnets = [for index in range(var.vpc_az_count) : cidrsubnet(var.vpc_cidr, 4, index)]
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "6.6.0"

  name            = local.name_prefix
  cidr            = var.vpc_cidr
  azs             = local.vpc_azs
  private_subnets = local.private_subnets

  # No public subnets, no internet gateway, no NAT gateway: nothing here can reach the internet.
  enable_nat_gateway = false

  # Interface endpoints answer to the services' usual names only with both of these on.
  enable_dns_support   = true
  enable_dns_hostnames = true

  # Adopted with no rules, so nothing ends up in the default security group's allow-all by accident.
  manage_default_security_group  = true
  default_security_group_ingress = []
  default_security_group_egress  = []

  # Rejected connections only: that is where a missing endpoint or security group rule shows, for a
  # fraction of the cost of logging every flow.
  enable_flow_log                                 = true
  flow_log_traffic_type                           = "REJECT"
  create_flow_log_cloudwatch_log_group            = true
  flow_log_cloudwatch_log_group_name_suffix       = local.name_prefix
  flow_log_cloudwatch_log_group_retention_in_days = var.log_retention_days
  flow_log_cloudwatch_log_group_kms_key_id        = aws_kms_key.network.arn

  # Whole names: IAM allows name prefixes of 38 characters only, fewer than the longest name prefix needs.
  create_flow_log_cloudwatch_iam_role     = true
  vpc_flow_log_iam_role_name              = "${local.name_prefix}-vpc-flow-log"
  vpc_flow_log_iam_role_use_name_prefix   = false
  vpc_flow_log_iam_policy_name            = "${local.name_prefix}-vpc-flow-log"
  vpc_flow_log_iam_policy_use_name_prefix = false

  tags = {
    "launchpad:feature" = "vpc-endpoints"
  }
}

# The functions' security group allows no inbound traffic and only the outbound traffic they need.
# Terraform drops the allow-all egress rule AWS gives a new group; DNS queries to the VPC's resolver are
# not subject to security groups.
resource "aws_security_group" "functions" {
  name        = "${local.name_prefix}-functions"
  description = "Functions of ${local.name_prefix}: no inbound, outbound only to the AWS services they call"
  vpc_id      = module.vpc.vpc_id

  tags = {
    "launchpad:feature" = "vpc-endpoints"
  }
}

# A gateway endpoint is a route, not an address in the VPC, so the rule names the service's addresses.
resource "aws_vpc_security_group_egress_rule" "functions_to_dynamodb" {
  security_group_id = aws_security_group.functions.id
  description       = "HTTPS to DynamoDB through its gateway endpoint"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = module.vpc_endpoints.endpoints["dynamodb"].prefix_list_id

  tags = {
    "launchpad:feature" = "vpc-endpoints"
  }
}

resource "aws_vpc_security_group_egress_rule" "functions_to_interface_endpoints" {
  security_group_id            = aws_security_group.functions.id
  description                  = "HTTPS to the interface endpoints"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = module.vpc_endpoints.security_group_id

  tags = {
    "launchpad:feature" = "vpc-endpoints"
  }
}

module "vpc_endpoints" {
  source  = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  version = "6.6.0"

  vpc_id = module.vpc.vpc_id

  endpoints = {
    # Gateway endpoints cost nothing. S3 is routed too, so that a function that comes to need it needs
    # only an egress rule to its prefix list; none calls S3 today, so the functions' group allows none.
    dynamodb = {
      service         = "dynamodb"
      service_type    = "Gateway"
      route_table_ids = module.vpc.private_route_table_ids
      tags            = { Name = "${local.name_prefix}-dynamodb" }
    }
    s3 = {
      service         = "s3"
      service_type    = "Gateway"
      route_table_ids = module.vpc.private_route_table_ids
      tags            = { Name = "${local.name_prefix}-s3" }
    }
    secretsmanager = {
      service             = "secretsmanager"
      private_dns_enabled = true
      tags                = { Name = "${local.name_prefix}-secretsmanager" }
    }
    ssm = {
      service             = "ssm"
      private_dns_enabled = true
      tags                = { Name = "${local.name_prefix}-ssm" }
    }
    kinesis-streams = {
      service             = "kinesis-streams"
      private_dns_enabled = true
      tags                = { Name = "${local.name_prefix}-kinesis-streams" }
    }
  }

  # Interface endpoints sit in every private subnet and accept HTTPS from the functions only.
  subnet_ids                 = module.vpc.private_subnets
  create_security_group      = true
  security_group_name        = "${local.name_prefix}-vpc-endpoints"
  security_group_description = "Interface endpoints of ${local.name_prefix}: HTTPS from the functions only"
  security_group_rules = {
    https_from_functions = {
      description              = "HTTPS from the functions"
      source_security_group_id = aws_security_group.functions.id
    }
  }

  tags = {
    "launchpad:feature" = "vpc-endpoints"
  }
}

# The flow log is encrypted with this key, which CloudWatch Logs may use for that log group only.
data "aws_iam_policy_document" "network_key" {
  statement {
    sid       = "AccountAdministersTheKeyThroughIam"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchLogsEncryptsTheFlowLog"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${data.aws_region.current.region}.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:aws:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:log-group:/aws/vpc-flow-log/${local.name_prefix}"]
    }
  }
}

resource "aws_kms_key" "network" {
  description             = "Encrypts the VPC flow log of ${local.name_prefix}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.network_key.json

  tags = {
    "launchpad:feature" = "vpc-endpoints"
  }
}

resource "aws_kms_alias" "network" {
  name          = "alias/${local.name_prefix}-network"
  target_key_id = aws_kms_key.network.key_id
}

output "vpc_id" {
  description = "ID of the service's VPC."
  value       = module.vpc.vpc_id
}

output "private_subnet_ids" {
  description = "Private subnets the functions run in, one per availability zone."
  value       = module.vpc.private_subnets
}

output "functions_security_group_id" {
  description = "Security group of the functions; give it access where a function needs more."
  value       = aws_security_group.functions.id
}
