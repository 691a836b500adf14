# expect: 001-lone-brace.profile:2
{
