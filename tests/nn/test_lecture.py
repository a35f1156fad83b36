"""The lecture walkthrough end to end: lecture_walkthrough.lua run by the `th` command
prints every number of walkthrough.md's table (4 decimals as th prints tensors, 14
significant digits for the loss), the Sequential tree and the `{lin}`, `{sig}`, `{loss}`
listings in Torch7's field order."""
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def vec(*values):
    return "".join(f"{v:7.4f}\n" for v in values) + f"[torch.DoubleTensor of size {len(values)}]\n\n"


def mat(*rows):
    body = "".join(" ".join(f"{v:7.4f}" for v in row) + "\n" for row in rows)
    return body + f"[torch.DoubleTensor of size {len(rows)}x{len(rows[0])}]\n\n"


def listing(*fields):
    inner = "".join(f"      {f}\n" for f in fields)
    return "{\n  1 : \n    {\n" + inner + "    }\n}\n"


H_THETA = vec(0.3613, 0.5510, 0.2924)
E = "0.34808619680512\t\n"
DE_DH = vec(-0.3727, 0.1862, -1.1040)
DELTA_2 = vec(-0.0860, 0.0461, -0.2284)
THETA_1 = mat((0.4370, -0.2607, -0.4467, -0.0150, -0.2823, -0.3859),
              (-0.2159, -0.3918, 0.3297, 0.2481, -0.2631, 0.3477),
              (-0.2801, 0.4386, -0.3514, -0.3062, -0.1706, -0.1231))
GRAD_THETA_1 = mat((-0.0860, -0.0615, -0.0706, -0.1241, -0.0527, -0.0577),
                   (0.0461, 0.0329, 0.0378, 0.0664, 0.0282, 0.0309),
                   (-0.2284, -0.1632, -0.1875, -0.3295, -0.1400, -0.1533))
LIN_GRAD_INPUT = vec(-0.0958, 0.1339, 0.0827, 0.0511, 0.0773)
NEW_THETA_1 = mat((0.4379, -0.2601, -0.4460, -0.0138, -0.2817, -0.3853),
                  (-0.2164, -0.3922, 0.3294, 0.2474, -0.2634, 0.3474),
                  (-0.2778, 0.4403, -0.3495, -0.3029, -0.1692, -0.1216))
NET = ("nn.Sequential {\n  [input -> (1) -> (2) -> output]\n  (1): nn.Linear(5 -> 3)\n"
       "  (2): nn.Sigmoid\n}\n")

EXPECTED = "".join([
    listing("gradBias : DoubleTensor - size: 3", "weight : DoubleTensor - size: 3x5",
            '_type : "torch.DoubleTensor"', "output : DoubleTensor - empty",
            "gradInput : DoubleTensor - empty", "bias : DoubleTensor - size: 3",
            "gradWeight : DoubleTensor - size: 3x5"),                 # {lin}
    listing("gradInput : DoubleTensor - empty", '_type : "torch.DoubleTensor"',
            "output : DoubleTensor - empty"),                          # {sig}
    H_THETA,                     # h_Theta = sig:forward(lin:forward(x))
    THETA_1,                     # Theta_1 = torch.cat(lin.bias, lin.weight, 2)
    H_THETA,                     # a2, the sigmoid of z2 by hand
    listing("gradInput : DoubleTensor - empty", "sizeAverage : true", "output : 0"),  # {loss}
    E, E,                        # E = loss:forward(h_Theta, y); (h_Theta - y):pow(2):sum()
    DE_DH, DE_DH,                # dE_dh = loss:updateGradInput(h_Theta, y); 2*(h_Theta - y)
    DELTA_2,                     # delta_2 = sig:updateGradInput(z2, dE_dh)
    GRAD_THETA_1, GRAD_THETA_1,  # gradTheta_1 after accGradParameters; the outer-product check
    LIN_GRAD_INPUT,              # lin:updateGradInput(x, delta_2)
    NET,                         # print(net)
    H_THETA, E, DE_DH,           # pred, err, gradCriterion
    "nn.Linear(5 -> 3)\n",       # net:get(1)
    LIN_GRAD_INPUT,              # net:backward(x, gradCriterion)
    GRAD_THETA_1,                # gradients as gradTheta_1
    NEW_THETA_1, NEW_THETA_1,    # Theta_1 - etha * dE_dTheta_1; after net:updateParameters(etha)
])


def test_lecture_walkthrough_prints_every_number():
    env = dict(os.environ, TERM="dumb")
    result = subprocess.run([sys.executable, "-m", "th.cli", str(HERE / "lecture_walkthrough.lua")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.stderr == ""
    assert result.stdout == EXPECTED
