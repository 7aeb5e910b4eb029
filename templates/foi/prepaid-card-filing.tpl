id: foi-prepaid-card-filing
kind: foi
title: 单用途商业预付卡发卡企业备案名单
domain: commerce
expected_reply: 1
subject: 申请公开单用途预付卡发卡企业备案名单
note: 《单用途商业预付卡管理办法（试行）》（商务部令2012年第9号）第七条要求发卡企业向商务主管部门备案，商务部门定期公布备案企业名单（第（一）项）；健身、教培等非商贸企业不归商务部门备案，可能部分适用第（四）项或第（五）项。

{{unit.name}}政府信息公开工作机构：

本人{{persona.name}}，去年在一家美容店办了几千块钱的卡，店突然关门了。想知道哪些商家是正规备案过的，以后办卡心里有数。依据《中华人民共和国政府信息公开条例》第二十九条，申请公开：

贵单位辖区内已办理单用途商业预付卡备案的发卡企业名单（企业名称、备案编号、备案时间、经营地址），以及{{year.last}}年对发卡企业开展检查、责令整改的情况。

请用电子邮件发送至{{reply_to}}。

身份证件：{{persona.id_type}} {{persona.id_number}}　电话：{{persona.phone}}
地址：{{persona.address}}
申请人：{{persona.name}}
{{date}}
