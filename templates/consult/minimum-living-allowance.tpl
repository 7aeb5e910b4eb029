id: consult-minimum-living-allowance
kind: consult
title: 申请城乡低保
domain: social-assistance
subject: 家庭困难，怎么申请低保
keypoint: 乡镇 | 街道
keypoint: 家庭收入 | 收入
keypoint: 核对 | 调查 | 核实
reference: 共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。由申请人向户籍所在地的乡镇人民政府（街道办事处）提出书面申请，也可以委托村（居）民委员会代为提出；需要如实申报家庭收入和财产状况，并授权民政部门核对家庭经济状况。经过调查核实、民主评议和公示等程序后审核确认。
valid_from: 2023-01-01
valid_until: 2026-12-31

我丈夫去年生病去世，我一个人带两个孩子，没有固定工作，收入很低。请问能不能申请低保？去哪里申请？
