id: consult-parking-fine
kind: consult
title: 违法停车罚款处理和逾期后果
domain: public-security
subject: 被贴了违停单，怎么处理，超期会怎样
keypoint: 12123 | 处理窗口
keypoint: 15日 | 15天 | 十五日
keypoint: 3% | 百分之三
reference: 可以通过“交管12123”App或交警部门的违法处理窗口处理，处理后通过App或银行缴纳罚款。根据《行政处罚法》，应当自收到行政处罚决定书之日起15日内缴纳罚款；到期不缴纳的，每日按罚款数额的3%加处罚款，加处罚款的数额不超出罚款的数额。
valid_from: 2023-01-01
valid_until: 2026-12-31

前几天车停在路边被贴了违法停车告知单。请问可以在网上处理吗？罚款有期限吗，逾期不交会怎么样？
